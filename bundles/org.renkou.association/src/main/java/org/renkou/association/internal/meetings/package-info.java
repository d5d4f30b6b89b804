/** Meetings (会议) of the member groups and the yearly commendation meeting, with attendance and checked attachments. */
package org.renkou.association.internal.meetings;
