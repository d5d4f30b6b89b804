/** Demand surveys (群众需求调查): questionnaires, anonymous responses, the tally. */
package org.renkou.association.internal.surveys;
