import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as t}from"./chunk-6JHUWM2L.js";var r=class extends Error{static{t(this,"ConfigurationError")}location;fix;constructor(n,i={}){super(n,i.cause===void 0?void 0:{cause:i.cause}),this.name="ConfigurationError",this.location=i.location,this.fix=i.fix}describe(){let n=this.location?`${u(this.location)}: `:"",i=this.fix?`
  fix: ${this.fix}`:"";return`${n}${this.message}${i}`}},o=class extends r{static{t(this,"ConfigurationErrors")}errors;constructor(n){super(`${n.length} problem${n.length===1?"":"s"} found:
${n.map(i=>`- ${i.describe()}`).join(`
`)}`,{location:n[0]?.location}),this.errors=n}};function u(e){let n=e.file;return e.line!==void 0&&(n+=`:${e.line}`),e.line!==void 0&&e.column!==void 0&&(n+=`:${e.column}`),e.field&&(n+=` (${e.field})`),n}t(u,"formatLocation");var s=class extends Error{static{t(this,"ExternalError")}constructor(n,i={}){super(n,i.cause===void 0?void 0:{cause:i.cause}),this.name="ExternalError"}};export{r as a,o as b,u as c,s as d};
//# sourceMappingURL=chunk-NOSJUC3V.js.map
