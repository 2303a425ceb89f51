import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{b as e}from"./chunk-EQ4AXWEL.js";var n=e("build-deb","deb","Build .deb packages for every linux platform in the config, in-process (no dpkg-deb needed), with a detached .asc signature when a key is given.",{signing:!0});export{n as a};
//# sourceMappingURL=chunk-G4TIZ3WU.js.map
