"""`planctl lint`: schema validation and policy rules over plan files."""
