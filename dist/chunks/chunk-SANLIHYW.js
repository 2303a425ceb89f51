import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{b as i}from"./chunk-EQ4AXWEL.js";var n=i("build-rpm","rpm","Build .rpm packages for every linux platform in the config, in-process (no rpmbuild needed), signed when a key is given.",{signing:!0});export{n as a};
//# sourceMappingURL=chunk-SANLIHYW.js.map
