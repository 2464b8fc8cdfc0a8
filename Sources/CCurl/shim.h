#ifndef CLOUDFIRST_CCURL_SHIM_H
#define CLOUDFIRST_CCURL_SHIM_H
#include <curl/curl.h>
#include <dlfcn.h>
#include <stddef.h>

/* libcurl is opened at run time, when a refresh first needs it, not linked: every other command, and the static
   release binary, then need no libcurl on the machine. Only the headers are needed to build. curl_easy_setopt and
   curl_easy_getinfo are variadic, which Swift cannot call: one typed wrapper a kind. */
typedef size_t (*cloudfirst_curl_write_callback)(char *data, size_t size, size_t count, void *context);

typedef struct {
    int loaded;
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_perform)(CURL *);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} cloudfirst_curl_api;

/* The library's functions, looked up once; NULL when no libcurl can be opened. */
static inline const cloudfirst_curl_api *cloudfirst_curl(void) {
    static cloudfirst_curl_api api;
    static int tried = 0;
    if (!tried) {
        tried = 1;
        const char *names[] = {"libcurl.so.4", "libcurl.so", "libcurl.4.dylib", "/usr/lib/libcurl.4.dylib",
                               "libcurl.dylib", NULL};
        void *library = NULL;
        for (int i = 0; names[i] != NULL && library == NULL; i++) library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (library == NULL) return NULL;
        *(void **)(&api.global_init) = dlsym(library, "curl_global_init");
        *(void **)(&api.easy_init) = dlsym(library, "curl_easy_init");
        *(void **)(&api.easy_setopt) = dlsym(library, "curl_easy_setopt");
        *(void **)(&api.easy_perform) = dlsym(library, "curl_easy_perform");
        *(void **)(&api.easy_getinfo) = dlsym(library, "curl_easy_getinfo");
        *(void **)(&api.easy_cleanup) = dlsym(library, "curl_easy_cleanup");
        *(void **)(&api.easy_strerror) = dlsym(library, "curl_easy_strerror");
        *(void **)(&api.slist_append) = dlsym(library, "curl_slist_append");
        *(void **)(&api.slist_free_all) = dlsym(library, "curl_slist_free_all");
        if (api.global_init && api.easy_init && api.easy_setopt && api.easy_perform && api.easy_getinfo
            && api.easy_cleanup && api.easy_strerror && api.slist_append && api.slist_free_all
            && api.global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK) {
            api.loaded = 1;
        }
    }
    return api.loaded ? &api : NULL;
}

static inline int cloudfirst_curl_available(void) { return cloudfirst_curl() != NULL; }

static inline CURL *cloudfirst_curl_easy_init(void) { return cloudfirst_curl()->easy_init(); }
static inline CURLcode cloudfirst_curl_perform(CURL *handle) { return cloudfirst_curl()->easy_perform(handle); }
static inline void cloudfirst_curl_cleanup(CURL *handle) { cloudfirst_curl()->easy_cleanup(handle); }
static inline const char *cloudfirst_curl_strerror(CURLcode code) { return cloudfirst_curl()->easy_strerror(code); }
static inline struct curl_slist *cloudfirst_curl_slist_append(struct curl_slist *list, const char *text) {
    return cloudfirst_curl()->slist_append(list, text);
}
static inline void cloudfirst_curl_slist_free_all(struct curl_slist *list) { cloudfirst_curl()->slist_free_all(list); }

static inline CURLcode cloudfirst_curl_set_long(CURL *handle, CURLoption option, long value) {
    return cloudfirst_curl()->easy_setopt(handle, option, value);
}

static inline CURLcode cloudfirst_curl_set_off(CURL *handle, CURLoption option, curl_off_t value) {
    return cloudfirst_curl()->easy_setopt(handle, option, value);
}

static inline CURLcode cloudfirst_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return cloudfirst_curl()->easy_setopt(handle, option, value);
}

static inline CURLcode cloudfirst_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return cloudfirst_curl()->easy_setopt(handle, option, value);
}

static inline CURLcode cloudfirst_curl_set_callback(CURL *handle, CURLoption option,
                                                    cloudfirst_curl_write_callback value) {
    return cloudfirst_curl()->easy_setopt(handle, option, value);
}

static inline CURLcode cloudfirst_curl_set_headers(CURL *handle, struct curl_slist *headers) {
    return cloudfirst_curl()->easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
}

/* Only https, for the first request and any redirect. CURLOPT_PROTOCOLS_STR needs libcurl 7.85 at run time; an
   older library refuses it, and the bit mask it knows is used instead. */
static inline CURLcode cloudfirst_curl_https_only(CURL *handle) {
    const cloudfirst_curl_api *api = cloudfirst_curl();
    if (api->easy_setopt(handle, (CURLoption)10318 /* CURLOPT_PROTOCOLS_STR */, "https") == CURLE_OK) {
        return api->easy_setopt(handle, (CURLoption)10319 /* CURLOPT_REDIR_PROTOCOLS_STR */, "https");
    }
    CURLcode code = api->easy_setopt(handle, (CURLoption)181 /* CURLOPT_PROTOCOLS */, (long)CURLPROTO_HTTPS);
    if (code != CURLE_OK) return code;
    return api->easy_setopt(handle, (CURLoption)182 /* CURLOPT_REDIR_PROTOCOLS */, (long)CURLPROTO_HTTPS);
}

static inline CURLcode cloudfirst_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return cloudfirst_curl()->easy_getinfo(handle, info, value);
}

static inline CURLcode cloudfirst_curl_get_string(CURL *handle, CURLINFO info, char **value) {
    return cloudfirst_curl()->easy_getinfo(handle, info, value);
}
#endif
