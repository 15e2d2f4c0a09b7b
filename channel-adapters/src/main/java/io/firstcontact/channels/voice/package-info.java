/**
 * The voice channel on Asterisk: {@link io.firstcontact.channels.voice.VoiceAdapter} and its options. FastAGI takes
 * callers in ({@code agi}), AMI follows and drives their calls ({@code ami}), and the switchboard ({@code calls})
 * connects them to advisors as routing decides.
 */
package io.firstcontact.channels.voice;
