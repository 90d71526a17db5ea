/* Mock <curl/curl.h>. */
#ifndef BOUNDWISE_MOCK_CURL_H
#define BOUNDWISE_MOCK_CURL_H
#include <sys/types.h>

BOUNDWISE_EXTERN_C_BEGIN
typedef void CURL;
typedef void CURLM;
typedef enum { CURLE_OK = 0 } CURLcode;
typedef enum { CURLM_OK = 0 } CURLMcode;
typedef enum { CURLOPT_URL = 10002, CURLOPT_TIMEOUT = 13 } CURLoption;

CURL *curl_easy_init(void);
CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...);
CURLcode curl_easy_perform(CURL *curl);
void curl_easy_cleanup(CURL *curl);
CURLM *curl_multi_init(void);
CURLMcode curl_multi_add_handle(CURLM *multi, CURL *easy);
CURLMcode curl_multi_perform(CURLM *multi, int *running_handles);
BOUNDWISE_EXTERN_C_END

#endif
