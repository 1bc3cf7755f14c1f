"""The print desk's admin: the issue planner and the final-proof sign-off."""
