#ifndef KINO_CNCURSES_SHIM_H
#define KINO_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>

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
#endif
