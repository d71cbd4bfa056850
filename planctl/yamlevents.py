"""libyaml's event stream and YAML 1.2 resolver, through ruamel.yaml: the only module that imports it.

planctl builds its data from the events itself (planctl/document.py with positions for lint,
planctl/plainload.py without them for diff and log), so both read the same values.
"""

from ruamel.yaml.cyaml import CParser
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver

__all__ = ["AliasEvent", "CParser", "Event", "MappingEndEvent", "MappingStartEvent", "MarkedYAMLError", "ReaderError",
           "ScalarEvent", "SequenceEndEvent", "SequenceStartEvent", "StreamEndEvent", "VersionedResolver", "YAMLError"]
