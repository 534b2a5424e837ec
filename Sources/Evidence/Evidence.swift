// Evidence: see ../shared/docs/DESIGN.md.
