#ifndef SALAMA_CQRENCODE_SHIM_H
#define SALAMA_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
