import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as i}from"../chunks/chunk-WO2UM3KJ.js";import"../chunks/chunk-TCEVV3A2.js";import{a as m}from"../chunks/chunk-I327A7TG.js";import{f as o}from"../chunks/chunk-XLQVCLB5.js";import"../chunks/chunk-6JHUWM2L.js";await o(i,new m);
//# sourceMappingURL=index.js.map
