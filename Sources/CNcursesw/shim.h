// SwiftPM drops pkg-config's -D flags, so the wide-character switches are set here.
// Macros (A_BOLD, COLOR_PAIR, KEY_F, mouse masks) and globals (stdscr, COLORS) do not
// import into Swift, or import as unsafe mutable globals; small inline functions do.
#ifndef PLANTRACK_CNCURSESW_SHIM_H
#define PLANTRACK_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline attr_t pt_attr_normal(void) { return A_NORMAL; }
static inline attr_t pt_attr_bold(void) { return A_BOLD; }
static inline attr_t pt_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t pt_attr_reverse(void) { return A_REVERSE; }
static inline attr_t pt_attr_dim(void) { return A_DIM; }

static inline WINDOW *pt_stdscr(void) { return stdscr; }
static inline WINDOW *pt_curscr(void) { return curscr; }
static inline int pt_colors(void) { return COLORS; }
static inline int pt_color_pairs(void) { return COLOR_PAIRS; }
static inline int pt_key_f0(void) { return KEY_F0; }

static inline mmask_t pt_mouse_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t pt_mouse_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t pt_mouse_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t pt_mouse_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t pt_mouse_wheel_down(void) { return BUTTON5_PRESSED; }

/// The terminal on this process's stdin/stdout (not initscr, which exits the
/// process itself when TERM is unknown; newterm returns NULL instead).
static inline SCREEN *pt_newterm(void) { return newterm(NULL, stdout, stdin); }

/// True when the current locale's character set is UTF-8 (after setlocale).
static inline int pt_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

static inline int pt_wcwidth(wchar_t c) { return wcwidth(c); }

/// Writes one cell: up to CCHARW_MAX wide characters (NUL-terminated) with
/// attributes and an extended colour pair (pairs above 32767 need the int pointer).
static inline int pt_put_cell(WINDOW *window, int row, int column, const wchar_t *text, attr_t attributes, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, 0, &pair) == ERR) return ERR;
    return mvwadd_wch(window, row, column, &cell);
}

/// The common case of one character in one cell, without building an array in Swift.
static inline int pt_put_char(WINDOW *window, int row, int column, wchar_t character, attr_t attributes, int pair) {
    wchar_t text[2] = { character, 0 };
    return pt_put_cell(window, row, column, text, attributes, pair);
}

extern char **environ;
static inline char **pt_environ(void) { return environ; }

static inline int pt_cchar_max(void) { return CCHARW_MAX; }
#endif
