#ifndef SALAMA_CLIBXML2_SHIM_H
#define SALAMA_CLIBXML2_SHIM_H

// xmlversion.h first: Foundation on Linux ships its own ICU module, and libxml2's
// headers would otherwise pull in the system ICU, whose declarations clash with it.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xinclude.h>
#include <libxml/xmlschemas.h>
#include <libxml/HTMLparser.h>
#include <libxml/uri.h>
#include <libxml/xmlIO.h>
#include <string.h>

// libxml2 reports some problems through the printf-style generic error channel, which
// Swift cannot implement; this keeps them off stderr (the structured channel carries them).
static void salama_discard_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void salama_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, salama_discard_generic_error);
}

// Macros and global variables that Swift cannot use directly.
static inline void salama_xml_free(void *pointer) {
    xmlFree(pointer);
}

static inline const xmlChar *salama_xml_namespace(void) {
    return XML_XML_NAMESPACE;
}

static inline const char *salama_libxml2_version(void) {
    return xmlParserVersion;
}

// A zeroed SAX2 handler allocated with libxml2's allocator, so that xmlFreeParserCtxt can
// free it with the context.
static inline xmlSAXHandler *salama_new_sax_handler(void) {
    xmlSAXHandler *handler = (xmlSAXHandler *)xmlMalloc(sizeof(xmlSAXHandler));
    if (handler != NULL) {
        memset(handler, 0, sizeof(xmlSAXHandler));
        handler->initialized = XML_SAX2_MAGIC;
    }
    return handler;
}

static inline void salama_replace_sax_handler(xmlParserCtxtPtr context, xmlSAXHandler *handler) {
    if (context->sax != NULL) {
        xmlFree(context->sax);
    }
    context->sax = handler;
}

#endif
