import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as i}from"../chunks/chunk-I24UV5PX.js";import"../chunks/chunk-IGIEERAL.js";import"../chunks/chunk-TCEVV3A2.js";import{a as r}from"../chunks/chunk-I327A7TG.js";import{f as o}from"../chunks/chunk-XLQVCLB5.js";import"../chunks/chunk-6JHUWM2L.js";await o(i,new r);
//# sourceMappingURL=index.js.map
