/**
 * The app needs no camera, microphone, geolocation, notifications, MIDI, clipboard-read… Every
 * permission request and check is denied.
 */
export function decidePermission(_permission: string): boolean {
  return false;
}
