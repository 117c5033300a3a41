/**
 * Live trainings and meetings (直播) on the phone: scheduled sessions for an audience, HLS pushed by the presenter
 * over HTTP PUT with a secret stream key and served to viewers, replay when the session ends, attendance by real
 * watch time from the players' heartbeats, and chat with questions for the presenter.
 */
package org.tongxin.live;
