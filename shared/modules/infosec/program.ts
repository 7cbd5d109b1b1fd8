/**
 * The program's key, declared into the platform's list of program keys (declaration merging): the server's and the
 * web app's manifests both see it, so that `Program` includes 'infosec' on either side.
 */
declare module '../../platform/access/programs.ts' {
  interface ProgramKeys {
    infosec: true;
  }
}

export const programKey = 'infosec';
