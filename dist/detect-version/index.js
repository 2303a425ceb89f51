import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as t}from"../chunks/chunk-RYBN426D.js";import{a as i}from"../chunks/chunk-I327A7TG.js";import{f as o}from"../chunks/chunk-XLQVCLB5.js";import"../chunks/chunk-6JHUWM2L.js";await o(t,new i);
//# sourceMappingURL=index.js.map
