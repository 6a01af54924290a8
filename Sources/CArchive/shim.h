#ifndef LIAISON_CARCHIVE_SHIM_H
#define LIAISON_CARCHIVE_SHIM_H
/*
 * Shim for the CArchive system-library target: libarchive's reader (gzip and zip
 * attachments of e-mailed reports) and writer (tests build archives with it).
 * Nothing else lives here; the bounded reading loop is Swift (ArchiveReader).
 */
#include <archive.h>
#include <archive_entry.h>

#endif
