#ifndef LIAISON_CGMIME_SHIM_H
#define LIAISON_CGMIME_SHIM_H
/*
 * Shim for the CGMime system-library target.
 *
 * GMime is GObject based: its type checks (GMIME_IS_*) and casts are C macros
 * that Swift cannot import. The tiny inline helpers below wrap exactly those
 * macros and nothing else; all logic lives in Swift (MailParsing).
 */
#include <gmime/gmime.h>
#include <gpgme.h>
#include <iconv.h>

/// GMIME_IS_MULTIPART (also true for multipart/signed and multipart/encrypted).
static inline int cg_is_multipart(void *obj) { return GMIME_IS_MULTIPART(obj); }
/// GMIME_IS_MULTIPART_SIGNED (RFC 1847 / RFC 3156 section 5).
static inline int cg_is_multipart_signed(void *obj) { return GMIME_IS_MULTIPART_SIGNED(obj); }
/// GMIME_IS_MULTIPART_ENCRYPTED (RFC 1847 / RFC 3156 section 4).
static inline int cg_is_multipart_encrypted(void *obj) { return GMIME_IS_MULTIPART_ENCRYPTED(obj); }
/// GMIME_IS_MESSAGE_PART: message/rfc822 (and message/global, message/news).
static inline int cg_is_message_part(void *obj) { return GMIME_IS_MESSAGE_PART(obj); }
/// GMIME_IS_PART: a leaf entity with content.
static inline int cg_is_part(void *obj) { return GMIME_IS_PART(obj); }
/// INTERNET_ADDRESS_IS_MAILBOX / INTERNET_ADDRESS_IS_GROUP (RFC 5322 section 3.4).
static inline int cg_is_mailbox(void *obj) { return INTERNET_ADDRESS_IS_MAILBOX(obj); }
static inline int cg_is_group(void *obj) { return INTERNET_ADDRESS_IS_GROUP(obj); }
/// g_object_unref, typed as void* so Swift can pass any GMime object.
static inline void cg_unref(void *obj) { if (obj) g_object_unref(obj); }

/// Borrowed view of a GMimeStreamMem's bytes (valid until the stream is unreffed).
static inline const unsigned char *cg_stream_mem_bytes(GMimeStream *stream, size_t *len) {
    GByteArray *array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
    *len = array ? array->len : 0;
    return array ? array->data : NULL;
}

/// (iconv_t)-1 test, which Swift cannot express on an opaque pointer type.
static inline int cg_iconv_failed(iconv_t cd) { return cd == (iconv_t)-1; }

/// gpgme error code without the source bits (GMime puts gpgme errors in GError.code).
static inline unsigned int cg_gpg_err_code(int code) { return gpg_err_code((gpgme_error_t)code); }
static inline unsigned int cg_gpg_err_no_seckey(void) { return GPG_ERR_NO_SECKEY; }
static inline unsigned int cg_gpg_err_no_data(void) { return GPG_ERR_NO_DATA; }

#endif
