#ifndef KINO_CCHAFA_SHIM_H
#define KINO_CCHAFA_SHIM_H
#include <chafa.h>
#endif
