#ifndef KINO_CEBUR128_SHIM_H
#define KINO_CEBUR128_SHIM_H
#include <ebur128.h>
#endif
