#ifndef REDLINE_MALLOC_SHIM_H
#define REDLINE_MALLOC_SHIM_H

/* glibc's <malloc.h> (mallopt and its M_* parameters), which Swift's Glibc module leaves out. */
#include <malloc.h>

#endif
