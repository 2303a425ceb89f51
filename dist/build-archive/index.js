import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as r}from"../chunks/chunk-XIXB5BBG.js";import{a as i,c as o}from"../chunks/chunk-BUBLWAEZ.js";import"../chunks/chunk-ZVMBOYBH.js";import"../chunks/chunk-6LD4ILLZ.js";import"../chunks/chunk-D5YCXRQJ.js";import"../chunks/chunk-T6PRKEMX.js";import"../chunks/chunk-ORWTWY2T.js";import"../chunks/chunk-HE4ZWK6J.js";import"../chunks/chunk-NOSJUC3V.js";import"../chunks/chunk-6JHUWM2L.js";await i(o,new r);
//# sourceMappingURL=index.js.map
