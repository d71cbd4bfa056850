"""The plan model shared by lint and diff: units and money, funding sources, targets, the plan view.

Nothing here imports lint or history: both read plans through these modules, so they agree on
what a project costs, how an amount is written and how a target reads.
"""
