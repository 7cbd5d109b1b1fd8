/**
 * The program's key, declared into the platform's list of program keys (declaration merging): the server's and the
 * web app's manifests both see it, so that `Program` includes 'smart' on either side.
 */
declare module '../../platform/access/programs.ts' {
  interface ProgramKeys {
    smart: true;
  }
}

export const programKey = 'smart';
