#ifndef KINO_CESPEAKNG_SHIM_H
#define KINO_CESPEAKNG_SHIM_H
#include <espeak-ng/speak_lib.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* espeak-ng keeps state between calls (its pitch flutter runs on from one line into the
   next), and espeak_Terminate hangs in synchronous mode, so a line spoken twice in one
   process differs. Each call therefore runs in a fresh child process: initialised from
   scratch, it writes its output to a pipe and exits. A crash in espeak-ng ends only the child.

   Child exit codes: 0 done, 2 no such voice, 3 espeak-ng would not start, 4 synthesis failed. */

static int kino_espeak_fd = -1;

static inline int kino_espeak_write_all(int fd, const void *p, size_t n) {
    const char *c = (const char *)p;
    while (n > 0) {
        ssize_t w = write(fd, c, n);
        if (w < 0) { if (errno == EINTR) continue; return -1; }
        c += w; n -= (size_t)w;
    }
    return 0;
}

static int kino_espeak_callback(short *wav, int count, espeak_EVENT *events) {
    (void)events;
    if (wav && count > 0 && kino_espeak_write_all(kino_espeak_fd, wav, (size_t)count * sizeof(short)) != 0) return 1;
    return 0;
}

/* mode 0: speaks `text` with voice/rate/pitch; the output is an int32 sample rate, then
   16-bit samples. mode 1: lists the voices' languages, one a line. On success returns the
   bytes read (malloc'd into *out, the caller frees); otherwise -(child exit code), or -1 when
   no child could be started, -5 when it died. */
static inline long kino_espeak_run(int mode, const char *voice, int rate, int pitch, const char *text, char **out) {
    int fds[2];
    *out = NULL;
    if (pipe(fds) != 0) return -1;
    pid_t pid = fork();
    if (pid < 0) { close(fds[0]); close(fds[1]); return -1; }
    if (pid == 0) {
        close(fds[0]);
        signal(SIGPIPE, SIG_DFL);
        kino_espeak_fd = fds[1];
        int sr = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 500, NULL, espeakINITIALIZE_DONT_EXIT);
        if (sr <= 0) _exit(3);
        if (mode == 1) {
            const espeak_VOICE **v = espeak_ListVoices(NULL);
            for (int i = 0; v && v[i]; i++) {
                const char *p = v[i]->languages;
                while (p && *p) {
                    size_t n = strlen(p + 1);
                    if (kino_espeak_write_all(fds[1], p + 1, n) != 0 || kino_espeak_write_all(fds[1], "\n", 1) != 0) _exit(4);
                    p += 1 + n + 1;
                }
            }
            _exit(0);
        }
        if (kino_espeak_write_all(fds[1], &sr, sizeof sr) != 0) _exit(4);
        espeak_SetSynthCallback(kino_espeak_callback);
        if (espeak_SetVoiceByName(voice) != EE_OK) _exit(2);
        espeak_SetParameter(espeakRATE, rate, 0);
        espeak_SetParameter(espeakPITCH, pitch, 0);
        if (espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL) != EE_OK) _exit(4);
        if (espeak_Synchronize() != EE_OK) _exit(4);
        _exit(0);
    }
    close(fds[1]);
    size_t size = 0, cap = 1 << 16;
    char *buf = (char *)malloc(cap);
    for (;;) {
        if (buf == NULL) break;
        if (size == cap) { char *b = (char *)realloc(buf, cap * 2); if (!b) { free(buf); buf = NULL; break; } buf = b; cap *= 2; }
        ssize_t r = read(fds[0], buf + size, cap - size);
        if (r < 0) { if (errno == EINTR) continue; break; }
        if (r == 0) break;
        size += (size_t)r;
    }
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (!WIFEXITED(status) || buf == NULL) { free(buf); return -5; }
    if (WEXITSTATUS(status) != 0) { free(buf); return -(long)WEXITSTATUS(status); }
    *out = buf;
    return (long)size;
}
#endif
