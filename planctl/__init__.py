"""planctl — provincial development plans as code: lint and diff plan YAML."""

__version__ = "0.2.0"
