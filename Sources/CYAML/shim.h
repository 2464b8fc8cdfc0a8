#ifndef CLOUDFIRST_CYAML_SHIM_H
#define CLOUDFIRST_CYAML_SHIM_H
#include <yaml.h>
#endif
