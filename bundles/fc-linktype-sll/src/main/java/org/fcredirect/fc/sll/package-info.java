/**
 * FCoE in Linux cooked captures (LINKTYPE_LINUX_SLL and LINKTYPE_LINUX_SLL2), registered as
 * {@link org.fcredirect.fc.capture.LinkTypeDecoder} providers. Private: nothing here is exported.
 */
package org.fcredirect.fc.sll;
