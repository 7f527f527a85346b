#ifndef FIDELIS_CMARK_SHIM_H
#define FIDELIS_CMARK_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

/// Safe-mode options (raw HTML omitted) with smart punctuation off and GitHub-style table rendering.
static inline int fidelis_cmark_options(void) {
    return CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_GITHUB_PRE_LANG;
}
#endif
