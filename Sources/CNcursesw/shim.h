#ifndef CORDON_CNCURSESW_SHIM_H
#define CORDON_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D_XOPEN_SOURCE flags; without these the wide API
// (get_wch, cchar_t, add_wch, mvaddwstr) is not declared.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

#endif
