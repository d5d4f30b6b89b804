/** The notice board (公开栏) and commendations (表彰). */
package org.renkou.association.internal.notices;
