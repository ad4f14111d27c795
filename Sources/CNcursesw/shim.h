#ifndef CORDON_CNCURSESW_SHIM_H
#define CORDON_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D_XOPEN_SOURCE flags; without these the wide API
// (get_wch, cchar_t, add_wch, mvaddwstr) is not declared.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// What Swift cannot import: globals that strict concurrency rejects and macros built from
// NCURSES_BITS. Nothing else belongs here; every ncurses call is made from Swift.

static inline WINDOW *cordon_stdscr(void) { return stdscr; }

static inline attr_t cordon_attr_bold(void) { return A_BOLD; }
static inline attr_t cordon_attr_dim(void) { return A_DIM; }
static inline attr_t cordon_attr_reverse(void) { return A_REVERSE; }
static inline attr_t cordon_attr_underline(void) { return A_UNDERLINE; }

#endif
