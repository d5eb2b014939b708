// The lab's authorizer, as the API server answers a SelfSubjectAccessReview: the lab logs in as
// kubeadmin (`kube:admin`), whom OpenShift makes a member of system:cluster-admins, bound to the
// cluster-admin role: every action, on every resource and URL, is allowed. Anyone else is allowed
// nothing.

export interface AccessReview {
  allowed: boolean;
  reason?: string;
}

/** The review of one action (its verb and resource attributes or non-resource URL) by a user. */
export function selfAccessReview(user: string, _attributes: Record<string, string>): AccessReview {
  if (user === 'kube:admin') return { allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "cluster-admins" of ClusterRole "cluster-admin" to Group "system:cluster-admins"' };
  return { allowed: false };
}
