// SwiftPM drops pkg-config's -D flags, so the wide-character switches are set here.
#ifndef PLANTRACK_CNCURSESW_SHIM_H
#define PLANTRACK_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#endif
