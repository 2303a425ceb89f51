import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a,b,c,d,e,f,g}from"./chunk-WAE7QYOC.js";import"./chunk-6LD4ILLZ.js";import"./chunk-D5YCXRQJ.js";import"./chunk-T6PRKEMX.js";import"./chunk-ORWTWY2T.js";import"./chunk-HE4ZWK6J.js";import"./chunk-NOSJUC3V.js";import"./chunk-6JHUWM2L.js";export{a as buildArchiveAction,b as buildDebAction,c as buildRpmAction,d as detectVersionAction,e as publishReleaseAction,f as submitWingetPrAction,g as updateHomebrewTapAction};
//# sourceMappingURL=definitions-WJYTMNMY.js.map
