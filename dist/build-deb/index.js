import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as i}from"../chunks/chunk-6UYBWSVP.js";import"../chunks/chunk-PR5FRMKB.js";import{a as r}from"../chunks/chunk-I327A7TG.js";import{f as o}from"../chunks/chunk-XLQVCLB5.js";import"../chunks/chunk-6JHUWM2L.js";await o(i,new r);
//# sourceMappingURL=index.js.map
