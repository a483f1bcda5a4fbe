"""Keep the memory a step frees in the process, instead of handing it back to the kernel.

A step makes and drops many megabytes of numpy temporaries. By default glibc's malloc
gives the top of its heap back to the kernel as soon as more than a small threshold of
it is free, so the next step faults the same pages in again, each one zeroed by the
kernel. The temporaries grow with the contacts, and so did the faults: in the 10,000-car
arena about 1,000 minor page faults a step at the start (2 ms of kernel time) and 2,000
once the cars have jammed (4 ms of a 13 ms step). With a high trim threshold the pages
stay mapped (the process keeps its peak heap, which the next step needs again anyway)
and the faults go to none. The mmap threshold is fixed too, at glibc's largest, since
setting one threshold turns off glibc's own adjustment of the other: blocks below
32 MiB then come from the heap and are reused as well.

Only glibc has these knobs; elsewhere (macOS, Windows, musl) :func:`keep_freed_memory`
does nothing and says so. It never changes a result, only where memory comes from.
"""

from __future__ import annotations

import ctypes
import functools
import sys

M_TRIM_THRESHOLD = -1  #: glibc's mallopt parameter numbers (malloc.h)
M_MMAP_THRESHOLD = -3
KEEP_FREE_BYTES = 512 * 2**20  #: free heap glibc may keep at its top before it trims
MMAP_ABOVE_BYTES = 32 * 2**20  #: blocks above this size still get their own mapping


@functools.cache
def keep_freed_memory() -> bool:
    """Set glibc's trim and mmap thresholds once per process; True if malloc took them."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    trimmed = mallopt(M_TRIM_THRESHOLD, KEEP_FREE_BYTES)
    mapped = mallopt(M_MMAP_THRESHOLD, MMAP_ABOVE_BYTES)
    return bool(trimmed and mapped)
