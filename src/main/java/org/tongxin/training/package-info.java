/**
 * Training and assessment (培训与考核): courses of text, PDF and video lessons with progress; a question bank; timed
 * exams whose deadline is kept on the server and which are graded once; assessments whose failures are enrolled
 * in retraining and try again only after completing it, until they pass (凡是不达标者都必须再次培训，直到满足);
 * competence of officers; certificates with a public check page.
 */
package org.tongxin.training;
