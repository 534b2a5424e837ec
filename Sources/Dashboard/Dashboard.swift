// Dashboard: see ../shared/docs/DESIGN.md.
