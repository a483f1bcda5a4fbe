"""How many examples the property-based tests (hypothesis) run: few and fixed by default.

By default every fuzz test runs a small, derandomized set of examples, the same on every
run, so the suite stays fast and a failure repeats. ``FMW_FUZZ_EXAMPLES=2000`` runs that
many fresh random examples per test instead, for a long hunt.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

FUZZ_EXAMPLES_ENV = "FMW_FUZZ_EXAMPLES"
ANSWER_WITHIN_S = 10.0  #: a generous bound: a parser or checker must answer within this


def fuzz_settings(default_examples: int) -> settings:
    """hypothesis settings: ``default_examples`` fixed examples, or $FMW_FUZZ_EXAMPLES random."""
    asked = os.environ.get(FUZZ_EXAMPLES_ENV)
    return settings(
        max_examples=int(asked) if asked else default_examples,
        derandomize=not asked,
        deadline=None,  # time is asserted per call, generously (ANSWER_WITHIN_S)
        database=None,  # nothing written into the tree
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.filter_too_much],
    )
