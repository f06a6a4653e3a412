#ifndef JIRA_CI_COPENSSL_SHIM_H
#define JIRA_CI_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/rand.h>
#include <openssl/err.h>
#include <openssl/bio.h>
#include <openssl/sha.h>
#endif
