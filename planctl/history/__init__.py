"""`planctl diff` and `planctl log`: what changed in plans across git history."""
