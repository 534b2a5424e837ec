// PlanKit: the plan model, scanner, edits and file I/O.
