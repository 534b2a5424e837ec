// CursesTerminal: see ../shared/docs/DESIGN.md.
import CNcursesw
import Dashboard
