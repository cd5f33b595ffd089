#ifndef KINO_CNCURSES_SHIM_H
#define KINO_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* ncurses globals and macros that Swift cannot see directly. */
static inline WINDOW *kino_stdscr(void) { return stdscr; }
static inline int kino_lines(void) { return LINES; }
static inline int kino_cols(void) { return COLS; }
static inline int kino_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int kino_colors(void) { return COLORS; }
static inline int kino_color_pairs(void) { return COLOR_PAIRS; }
static inline int kino_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int kino_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int kino_key_resize(void) { return KEY_RESIZE; }
static inline int kino_key_mouse(void) { return KEY_MOUSE; }
static inline int kino_key_code_yes(void) { return KEY_CODE_YES; }

/* Attributes (function-like macros in curses.h). */
static inline attr_t kino_a_bold(void) { return A_BOLD; }
static inline attr_t kino_a_dim(void) { return A_DIM; }
static inline attr_t kino_a_italic(void) { return A_ITALIC; }
static inline attr_t kino_a_underline(void) { return A_UNDERLINE; }
static inline attr_t kino_a_reverse(void) { return A_REVERSE; }
static inline int kino_key_f(int n) { return KEY_F(n); }

/* One cell: a NUL-terminated wide string (one grapheme) with attributes and a colour pair
   that may be above 255 (passed through setcchar's opts, ncurses 6.1+). */
static inline int kino_put_cell(int y, int x, const wchar_t *wstr, attr_t attrs, int pair) {
    cchar_t c;
    if (setcchar(&c, wstr, attrs, 0, &pair) != OK) return ERR;
    return mvadd_wch(y, x, &c);
}

/* Mouse: the buttons the editor listens to, and the last event. */
static inline mmask_t kino_mouse_mask(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline int kino_mouse_is_press(mmask_t s) { return (s & (BUTTON1_PRESSED | BUTTON1_CLICKED)) != 0; }
static inline int kino_mouse_is_wheel_up(mmask_t s) { return (s & BUTTON4_PRESSED) != 0; }
static inline int kino_mouse_is_wheel_down(mmask_t s) { return (s & BUTTON5_PRESSED) != 0; }
static inline int kino_get_mouse(int *x, int *y, mmask_t *state) {
    MEVENT e;
    if (getmouse(&e) != OK) return ERR;
    *x = e.x; *y = e.y; *state = e.bstate;
    return OK;
}

/* The key code ncurses gives an extended key such as "kLFT5" (ctrl-left), or 0. */
static inline int kino_extended_key(const char *capname) {
    char *s = tigetstr((char *)capname);
    if (s == NULL || s == (char *)-1) return 0;
    int code = key_defined(s);
    return code > 0 ? code : 0;
}

/* Restores the terminal when the process dies of a fatal signal (a crashed job): leaves the
   alternate screen, shows the cursor, turns mouse reporting off and puts back the saved tty
   modes, using only async-signal-safe calls, then dies of the same signal. Install it and use
   it from one Swift file only (the state lives in a function-local static). */
static inline struct termios *kino_saved_tty(void) { static struct termios t; return &t; }
static inline int *kino_saved_tty_fd(void) { static int fd = -1; return &fd; }
static inline void kino_fatal_signal(int sig) {
    static const char reset[] = "\033[?1000l\033[?1002l\033[?1006l\033[0m\033[?25h\033[?1049l\r\n";
    int fd = *kino_saved_tty_fd();
    if (fd >= 0) {
        ssize_t ignored = write(fd, reset, sizeof reset - 1);
        (void)ignored;
        tcsetattr(fd, TCSANOW, kino_saved_tty());
    }
    signal(sig, SIG_DFL);
    raise(sig);
}
static inline void kino_install_fatal_signal_restore(int fd) {
    if (tcgetattr(fd, kino_saved_tty()) != 0) return;
    *kino_saved_tty_fd() = fd;
    int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = kino_fatal_signal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESETHAND;
        sigaction(sigs[i], &sa, NULL);
    }
}
static inline void kino_uninstall_fatal_signal_restore(void) { *kino_saved_tty_fd() = -1; }
#endif
