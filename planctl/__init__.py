"""planctl — provincial development plans as code: lint and diff plan YAML."""

__version__ = "0.3.0"
