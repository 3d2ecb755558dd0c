//! A minimal DOM layer for the floor measurement: elements built by non-generic calls, and
//! reactive bindings that all share one effect type, so each costs a call, not a
//! monomorphised copy of the framework.

use reactive_graph::effect::Effect;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// An element under construction.
pub struct El(pub web_sys::Element);

fn document() -> web_sys::Document {
    web_sys::window().unwrap_throw().document().unwrap_throw()
}

/// A new element with this tag.
pub fn el(tag: &str) -> El {
    El(document().create_element(tag).unwrap_throw())
}

/// A new element in the SVG namespace (for the chart).
pub fn svg(tag: &str) -> El {
    El(document().create_element_ns(Some("http://www.w3.org/2000/svg"), tag).unwrap_throw())
}

/// Runs `update` now and again whenever a signal it reads changes. Every binding has this one
/// type, so the reactive system is instantiated once for all of them.
pub fn bind(update: Box<dyn Fn()>) {
    Effect::new(move |_| update());
}

impl El {
    pub fn attr(self, name: &str, value: &str) -> El {
        let _ = self.0.set_attribute(name, value);
        self
    }
    pub fn id(self, id: &str) -> El {
        self.attr("id", id)
    }
    pub fn class(self, class: &str) -> El {
        self.attr("class", class)
    }
    pub fn text(self, text: &str) -> El {
        let _ = self.0.append_child(&document().create_text_node(text));
        self
    }
    pub fn child(self, child: El) -> El {
        let _ = self.0.append_child(&child.0);
        self
    }
    /// Appends the child when there is one.
    pub fn child_if(self, child: Option<El>) -> El {
        match child {
            Some(child) => self.child(child),
            None => self,
        }
    }
    pub fn on(self, event: &str, handler: Box<dyn FnMut(web_sys::Event)>) -> El {
        let handler = Closure::<dyn FnMut(web_sys::Event)>::wrap(handler);
        let _ = self.0.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
        handler.forget();
        self
    }
    /// Re-runs `update` on this element whenever a signal it reads changes.
    pub fn bind(self, update: Box<dyn Fn(&web_sys::Element)>) -> El {
        let element = self.0.clone();
        bind(Box::new(move || update(&element)));
        self
    }
}

/// Sets or removes a class on an element.
pub fn toggle_class(element: &web_sys::Element, class: &str, on: bool) {
    let _ = element.class_list().toggle_with_force(class, on);
}
